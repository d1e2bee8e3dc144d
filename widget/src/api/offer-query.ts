/**
 * The one GraphQL request the widget makes: everything a reader may see, in one round trip.
 * The plugin's tests run it against the live schema, so the two cannot drift apart.
 */
export const OFFER_QUERY = /* GraphQL */ `
  query KinshipOffer($slug: String!, $locale: String) {
    kinshipOffer(slug: $slug, locale: $locale) {
      documentId
      slug
      locale
      name
      councils
      generalApproach
      evidenceBase
      accountableOfficerName
      accountableOfficerRole
      accountableOfficerEmail
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
        email
        phone
      }
      lastReviewedAt
      nextReviewDue
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
          email
          phone
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
          description
        }
      }
    }
  }
`;
