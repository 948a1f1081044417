// Browser tests run one at a time: each collection would otherwise start its own app and
// Chromium, and on the 2-core CI machine they would only slow each other down and time out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
