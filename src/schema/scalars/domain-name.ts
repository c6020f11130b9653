import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { atLiteral } from './bad-user-input.js';
import { toAsciiDomain, toUnicodeDomain } from '../../domain/domain-name.js';

function parse(value: unknown): string {
  if (typeof value !== 'string') {
    throw new GraphQLError('DomainName must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const ascii = toAsciiDomain(value);
  if (!ascii) throw new GraphQLError(`"${value}" is not a valid domain name`, { extensions: { code: 'BAD_USER_INPUT' } });
  return ascii;
}

/** Resolvers always receive the ASCII form; clients always receive the Unicode form. */
export const DomainNameScalar = new GraphQLScalarType<string, string>({
  name: 'DomainName',
  description: 'A DNS name. Accepts Unicode ("bücher.de") or ASCII/punycode ("xn--bcher-kva.de"); always returned in Unicode.',
  serialize: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('DomainName cannot represent a non-string value');
    return toUnicodeDomain(value);
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('DomainName must be a string', { nodes: [ast], extensions: { code: 'BAD_USER_INPUT' } });
    }
    return atLiteral(ast, () => parse(ast.value));
  },
});
