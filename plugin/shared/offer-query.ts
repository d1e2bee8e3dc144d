/**
 * The one GraphQL request the widget makes: everything a reader may see, in one round trip, and
 * nothing the element does not show or send: every field here is in the first view a reader
 * downloads. The view has more for the CMS's other readers (the offer's documentId, councils,
 * accountable officer's e-mail and next review date; a provider's e-mail and phone, which the
 * element leaves to its contacts; an advice organisation's e-mail; a support type's description).
 * The plugin's tests run it against the live schema, so the two cannot drift apart. The CMS also
 * answers it at a short address of its own (OFFER_VIEW_PATH), which a host page can preload.
 */
export const OFFER_QUERY = /* GraphQL */ `
  query KinshipOffer($slug: String!, $locale: String) {
    kinshipOffer(slug: $slug, locale: $locale) {
      slug
      locale
      name
      generalApproach
      evidenceBase
      accountableOfficerName
      accountableOfficerRole
      contactName
      contactPhone
      contactEmail
      contactHours
      contactUrl
      legalFramework
      legalFrameworkByArrangement
      financialSupportPolicy
      complaints
      independentAdvice {
        name
        description
        website
        phone
      }
      lastReviewedAt
      youSaidWeDid {
        youSaid
        weDid
        date
      }
      services {
        uuid
        title
        summary
        description
        supportTypes {
          code
        }
        arrangementTypes {
          code
        }
        eligibility
        minimumAge
        maximumAge
        howToAccess
        referralUrl
        cost
        costAmount
        costDescription
        deliveryMethods
        openingTimes
        languages
        alert
        lastReviewedAt
        provider {
          name
          website
        }
        locations {
          name
          addressLine1
          addressLine2
          townOrCity
          postcode
          accessibility
        }
        contacts {
          name
          role
          phone
          email
        }
      }
      languages {
        code
        name
      }
      vocabulary {
        arrangementTypes {
          code
          label
          description
        }
        supportTypes {
          code
          label
        }
      }
    }
  }
`;

/**
 * OFFER_QUERY's persisted document id (GraphQL over HTTP, persisted documents: `sha256:` and the
 * lowercase hex SHA-256 of the document's UTF-8 text). The widget sends it as `documentId` in
 * place of the query, whose text then never ships in widget.js; the CMS puts OFFER_QUERY back in
 * before anything else reads the request (server/src/offer-view/http-cache). Written out rather
 * than computed, because the browser has no synchronous SHA-256; a unit test
 * (test/plugin/unit/http-cache.test.ts) fails, giving the new id, when the query changes without it.
 */
export const OFFER_QUERY_ID = 'sha256:aa04007e28cad5f701e27a8301a68b336d72f78e9d4f8fdcd658e06367774eef';

/**
 * The widget's request at a stable address under the plugin's REST prefix:
 * `GET <cms>/api/kinship-offer/view/<slug>[?locale=<BCP 47 tag>]` answers exactly what the GraphQL
 * GET of OFFER_QUERY with `{ slug, locale }` answers (JSON `{ data: { kinshipOffer } }`, the same
 * cache, ETag, CORS and published-only reading: the CMS rewrites one into the other,
 * server/src/offer-view/http-cache). Unlike the GraphQL GET, whose address holds the query and so
 * changes with the widget's version, it stays the same, so an embed snippet can
 * `<link rel="preload" as="fetch" crossorigin>` it: the offer then downloads beside widget.js
 * rather than after it, and the widget's own fetch (same address, same credentials mode) takes the
 * preloaded response.
 */
export const OFFER_VIEW_PATH = 'api/kinship-offer/view/';
