// The researchers' command-line tool: JSON on stdout, errors on stderr with a non-zero exit.
return await CellTherapyCenter.Cli.CliApp.RunAsync(args, Console.Out, Console.Error);
