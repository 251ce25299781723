import EntityGraphCLI

EntityGraphCommand.main()
