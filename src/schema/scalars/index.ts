import { GraphQLDateTime, GraphQLEmailAddress, GraphQLIP, GraphQLIPv4, GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { builder } from '../builder.js';
import { DecimalScalar } from './decimal.js';
import { DomainNameScalar } from './domain-name.js';

builder.addScalarType('DateTime', GraphQLDateTime);
builder.addScalarType('JSON', GraphQLJSON);
builder.addScalarType('JSONObject', GraphQLJSONObject);
builder.addScalarType('IPv4', GraphQLIPv4);
builder.addScalarType('IP', GraphQLIP);
builder.addScalarType('EmailAddress', GraphQLEmailAddress);
builder.addScalarType('DomainName', DomainNameScalar);
builder.addScalarType('Decimal', DecimalScalar);
builder.scalarType('File', {
  description: 'A file sent as a multipart upload (GraphQL multipart request spec).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
