using CdsHooks.Cli;

// cdshooks: readiness reports, validation and the data-requirements page, from the command line.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await CliApplication.RunAsync(args, CliConsole.FromProcess(), cancel.Token);
