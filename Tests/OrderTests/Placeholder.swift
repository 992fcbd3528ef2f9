// OrderTests: scenario suites land here.
