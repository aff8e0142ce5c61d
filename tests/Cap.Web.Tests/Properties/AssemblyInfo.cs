// Each test class starts the application over its own database: two at a time keeps a two-core machine responsive.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
