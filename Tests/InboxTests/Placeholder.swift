// InboxTests: scenario suites land here.
