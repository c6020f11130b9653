import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { atLiteral } from './bad-user-input.js';
import { toDecimal } from '../../domain/decimal.js';

function parse(value: unknown): string {
  const decimal = typeof value === 'string' ? toDecimal(value) : undefined;
  if (!decimal) throw new GraphQLError(`"${String(value)}" is not a decimal amount`, { extensions: { code: 'BAD_USER_INPUT' } });
  return decimal;
}

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount as a string, e.g. "2400.00". Never a float.',
  serialize: (value) => {
    const decimal = typeof value === 'string' || typeof value === 'number' ? toDecimal(value) : undefined;
    if (decimal === undefined) throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
    return decimal;
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Decimal must be a string', { nodes: [ast], extensions: { code: 'BAD_USER_INPUT' } });
    }
    return atLiteral(ast, () => parse(ast.value));
  },
});
