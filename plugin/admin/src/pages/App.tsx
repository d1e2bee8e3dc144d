import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { EmbedBuilderPage } from './EmbedBuilderPage';
import { OfferPage } from './OfferPage';
import { OffersPage } from './OffersPage';
import { ProposalsPage } from './ProposalsPage';
import { ReachPage } from './ReachPage';

/** The plugin's pages, under /admin/plugins/kinship-offer. */
export default function App() {
  return (
    <Routes>
      <Route index element={<OffersPage />} />
      <Route path="offers/:documentId" element={<OfferPage />} />
      <Route path="offers/:documentId/reach" element={<ReachPage />} />
      <Route path="embed" element={<EmbedBuilderPage />} />
      <Route path="proposals" element={<ProposalsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  );
}
