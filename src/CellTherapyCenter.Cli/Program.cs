// The researchers' command-line tool: JSON on stdout, errors on stderr with a non-zero exit.
// Commands arrive with the statistics library (issue 4).
Console.Error.WriteLine("usage: ctc stats km|logrank|cox|lmm ... (not yet implemented)");
return 2;
