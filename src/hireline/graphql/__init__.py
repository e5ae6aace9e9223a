"""The GraphQL front door (`/graphql`): a strawberry schema over the rooms' services.

It authenticates, authorises and scopes each request exactly as the REST routes do (one
principal, one unit of work), loads relations in batches (one dataloader per relation) and
refuses queries deeper, costlier or with bigger pages than its limits allow.
"""
