// Clients of the core (the CLI, the dev server, the tests) see the shared values and the output through it.
@_exported import PasserelleModel
@_exported import PasserelleOutput
