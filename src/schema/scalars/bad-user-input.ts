import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';

function asBadInput(error: unknown, name: string, literal?: ValueNode): GraphQLError {
  const message = error instanceof Error ? error.message : `invalid ${name}`;
  return new GraphQLError(message, { ...(literal ? { nodes: [literal] } : {}), extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Parses a literal of the document; an error it raises is located at the literal. graphql-js reports a
 * scalar's own GraphQLError as it is, so without this the client would not see where the bad value stands.
 */
export function atLiteral<T>(literal: ValueNode, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof GraphQLError && !error.nodes) throw new GraphQLError(error.message, { nodes: [literal], extensions: error.extensions });
    throw error;
  }
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
        throw asBadInput(error, config.name, ast);
      }
    },
  });
}
