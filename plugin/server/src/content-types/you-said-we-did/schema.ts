import { fixed, localized, relation, text } from '../attributes';

/**
 * "You said, we did": what readers or kinship carers told the council and what changed because of
 * it. Published on the offer, so families see that speaking up makes a difference (the guidance
 * asks councils to build the offer with kinship carers and change course when it is not working).
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_you_said_we_did',
  info: {
    singularName: 'you-said-we-did',
    pluralName: 'you-said-we-did-entries',
    displayName: 'You said, we did',
    description: 'What families told the council, and what changed because of it',
  },
  options: { draftAndPublish: true },
  pluginOptions: localized,
  attributes: {
    youSaid: text.paragraph({ required: true, maxLength: 500 }),
    weDid: text.paragraph({ required: true, maxLength: 1000 }),
    /** When the change was made. */
    date: fixed('date', { required: true }),
    offers: relation('manyToMany', 'offer', { mappedBy: 'youSaidWeDid' }),
  },
};
