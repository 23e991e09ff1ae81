// Clients of the core (the CLI, the dev server, the tests) see the stages below it through it.
@_exported import PasserelleContent
@_exported import PasserelleIncremental
@_exported import PasserelleMarkdown
@_exported import PasserelleModel
@_exported import PasserelleOutput
@_exported import PasserellePages
@_exported import PasserelleResolve
@_exported import PasserelleTemplates
@_exported import PasserelleBundle
