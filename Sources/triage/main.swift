import TriageCLI; TriageCommand.main()
