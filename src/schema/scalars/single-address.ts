import { isIP } from 'node:net';
import { GraphQLScalarType } from 'graphql';
import { canonicalAddress } from '../../domain/ip-address.js';

/**
 * graphql-scalars' IP and IPv4 also take a network in CIDR notation ("10.0.0.0/8"), and every field of these
 * types is one host: a master, a secondary, a primary. Anything but a single address of the version is refused;
 * an IPv6 address is taken in its canonical text, as providers keep it.
 */
export function singleAddress(scalar: GraphQLScalarType, version?: 4): GraphQLScalarType {
  const config = scalar.toConfig();
  const check = (value: unknown): unknown => {
    const found = typeof value === 'string' ? isIP(value) : 0;
    if (found === 0 || (version !== undefined && found !== version)) {
      throw new TypeError(`Value is not a single ${version === 4 ? 'IPv4' : 'IPv4 or IPv6'} address: ${String(value)}`);
    }
    return canonicalAddress(value as string);
  };
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => check(config.parseValue ? config.parseValue(value) : value),
    parseLiteral: (ast, variables) => check(config.parseLiteral ? config.parseLiteral(ast, variables) : undefined),
  });
}
