// Clients of the core (the CLI, the dev server, the tests) see the shared values through it.
@_exported import PasserelleModel
