// PaymentsTests: scenario suites land here.
