import { graphql } from './gql';

export const DashboardQuery = graphql(`
  query Dashboard {
    zones {
      id
      name
      providers
      ... @defer(label: "live") {
        health {
          serialsInSync
          problems
        }
        qps
      }
    }
  }
`);

export const CreateRecordMutation = graphql(`
  mutation CreateRecord($input: CreateRecordInput!) {
    createRecord(input: $input) {
      id
      zone
      domain
      type
      ttl
      shortAnswers
      meta
    }
  }
`);

export const LiveQpsSubscription = graphql(`
  subscription LiveQps($zone: DomainName!) {
    qps(zone: $zone, intervalSeconds: 5) {
      qps
      sampledAt
    }
  }
`);
