using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Validation;

/// <summary>Every script in BrokenScripts/ is refused, with the errors its file expects on the steps it names.</summary>
public sealed class BrokenScriptCorpusTests
{
    public static TheoryData<string> Names() => [.. BrokenScript.All().Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_broken_script_is_refused_with_the_expected_errors(string name)
    {
        var broken = BrokenScript.All().Single(b => b.Name == name);

        var errors = broken.Errors();

        Assert.NotEmpty(errors);
        foreach (var (step, code) in broken.Expected)
        {
            Assert.True(errors.Any(e => e.StepId == step && e.Code == code),
                $"{name} ({broken.Why}): expected {code} on {step ?? "the script"}, found: {string.Join("; ", errors.Select(e => $"{e.Key} {e.Code}"))}");
        }
    }

    [Fact]
    public void The_corpus_covers_every_kind_of_error()
    {
        var covered = BrokenScript.All().SelectMany(b => b.Expected.Select(e => e.Code)).ToHashSet();

        var codes = typeof(ScriptErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!);

        Assert.Empty(codes.Except(covered));
    }
}
