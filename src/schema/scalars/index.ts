import { GraphQLDateTime, GraphQLEmailAddress, GraphQLIP, GraphQLIPv4, GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { builder } from '../builder.js';
import { withBadUserInput } from './bad-user-input.js';
import { DecimalScalar } from './decimal.js';
import { DomainNameScalar } from './domain-name.js';
import { singleAddress } from './single-address.js';

builder.addScalarType('DateTime', withBadUserInput(GraphQLDateTime));
builder.addScalarType('JSON', withBadUserInput(GraphQLJSON));
builder.addScalarType('JSONObject', withBadUserInput(GraphQLJSONObject));
builder.addScalarType('IPv4', withBadUserInput(singleAddress(GraphQLIPv4, 4)));
builder.addScalarType('IP', withBadUserInput(singleAddress(GraphQLIP)));
builder.addScalarType('EmailAddress', withBadUserInput(GraphQLEmailAddress));
builder.addScalarType('DomainName', DomainNameScalar);
builder.addScalarType('Decimal', DecimalScalar);
builder.scalarType('File', {
  description: 'A file sent as a multipart upload (GraphQL multipart request spec).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
