import EntityGraphCLI
import EntityGraphExport

// Before any thread starts: SIGINT and SIGTERM then remove half-written exports and exit 130 or 143.
InterruptGuard.install()
EntityGraphCommand.main()
