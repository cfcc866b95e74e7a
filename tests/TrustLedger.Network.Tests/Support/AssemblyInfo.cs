// Node processes compete for two cores and the tests use fixed ports: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
