// OutboxTests: scenario suites land here.
