using System.CommandLine;
using AiGovernance.Core.Policies;

namespace AiGovernance.Cli.Commands;

public static class PolicyCommand
{
    public static Command Create()
    {
        var policy = new Command("policy", "Approval policies.");
        var file = new Argument<FileInfo>("file") { Description = "The policy YAML file." };
        var validate = new Command("validate", "Check a policy file; prints every error as FILE:LINE:COLUMN and exits 1 if any.") { file };
        validate.SetAction(parse =>
        {
            var f = parse.GetValue(file)!;
            if (!f.Exists) throw new CliException($"{f.FullName}: no such file");
            var result = PolicyParser.Parse(File.ReadAllText(f.FullName));
            foreach (var e in result.Errors) Console.Error.WriteLine($"{f.Name}:{e.Line}:{e.Column}: {e.Path}: {e.Message}");
            if (!result.IsValid)
            {
                Console.Error.WriteLine($"{f.Name}: {result.Errors.Count} error(s)");
                return 1;
            }
            Console.WriteLine($"{f.Name}: valid — policy '{result.Policy!.Name}', {result.Policy.Rules.Count} rules, base currency {result.Policy.BaseCurrency}");
            return 0;
        });
        policy.Subcommands.Add(validate);
        return policy;
    }
}
