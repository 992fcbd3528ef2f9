// Payment providers: SumUp's Checkouts API (issue 3). Filled by the checkout work.
