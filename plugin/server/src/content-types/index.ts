import arrangementType from './arrangement-type';
import consultation from './consultation';
import contact from './contact';
import feedback from './feedback';
import location from './location';
import offer from './offer';
import organisation from './organisation';
import service from './service';
import supportType from './support-type';
import youSaidWeDid from './you-said-we-did';

export default {
  offer,
  service,
  organisation,
  location,
  contact,
  feedback,
  'arrangement-type': arrangementType,
  'support-type': supportType,
  'you-said-we-did': youSaidWeDid,
  consultation,
};
