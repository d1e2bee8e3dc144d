/**
 * A GraphQL validation rule for what depthLimit does not catch: one request asking for the same
 * thing hundreds of times under aliases (or fragment spreads), an enormous selection, and page
 * sizes outside 1..maxLimit written into the query (which Strapi would otherwise quietly clamp).
 * Refused before anything runs, with a 400 that says what the limit is.
 */

export const REQUEST_LIMITS = { aliases: 30, fields: 2000 } as const;

export function requestLimitsRule(maxLimit: number) {
  // graphql comes with @strapi/plugin-graphql, the only place this rule is used.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { GraphQLError } = require('graphql');
  return (context: any) => {
    let repeats = 0;
    let fields = 0;
    const refuse = (message: string, node: unknown) => context.reportError(new GraphQLError(message, { nodes: [node] }));
    // Each limit is reported once, where it is first passed.
    const repeat = (node: unknown) => {
      repeats += 1;
      if (repeats === REQUEST_LIMITS.aliases + 1) refuse(`A query may use at most ${REQUEST_LIMITS.aliases} aliases and fragment spreads`, node);
    };
    return {
      Field(node: any) {
        fields += 1;
        if (node.alias) repeat(node);
        if (fields === REQUEST_LIMITS.fields + 1) refuse(`A query may select at most ${REQUEST_LIMITS.fields} fields`, node);
      },
      FragmentSpread(node: any) {
        repeat(node);
      },
      Argument(node: any) {
        if (node.name.value !== 'pagination' || node.value.kind !== 'ObjectValue') return;
        for (const field of node.value.fields) {
          const name = field.name.value;
          if (field.value.kind !== 'IntValue') continue;
          const value = Number(field.value.value);
          if ((name === 'limit' || name === 'pageSize') && (value < 1 || value > maxLimit)) {
            refuse(`pagination.${name} must be from 1 to ${maxLimit}`, field);
          }
          if ((name === 'start' && value < 0) || (name === 'page' && value < 1)) refuse(`pagination.${name} is out of range`, field);
        }
      },
    };
  };
}
