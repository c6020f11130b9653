import { GraphQLError, GraphQLScalarType } from 'graphql';

function asBadInput(error: unknown, name: string): GraphQLError {
  const message = error instanceof Error ? error.message : `invalid ${name}`;
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A graphql-scalars type whose parse errors carry `extensions.code: BAD_USER_INPUT`, like every other bad input. */
export function withBadUserInput<I, O>(scalar: GraphQLScalarType<I, O>): GraphQLScalarType<I, O> {
  const config = scalar.toConfig();
  return new GraphQLScalarType<I, O>({
    ...config,
    parseValue: (value) => {
      try {
        return config.parseValue ? config.parseValue(value) : (value as I);
      } catch (error) {
        throw asBadInput(error, config.name);
      }
    },
    parseLiteral: (ast, variables) => {
      try {
        return config.parseLiteral ? config.parseLiteral(ast, variables) : (undefined as I);
      } catch (error) {
        throw asBadInput(error, config.name);
      }
    },
  });
}
