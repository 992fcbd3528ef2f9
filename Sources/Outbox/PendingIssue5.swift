// The Outbox target turns domain events into signed, delivered activities (issue 5): publishing,
// fan-out, the delivery ledger, workers, retries and the per-host breaker. Nothing is here yet;
// this file only keeps the target buildable until that issue lands.
