using Platform.Clients;
using Platform.Clients.Dispositions;
using Xunit;
using Document = Platform.Clients.Dispositions.DispositionsApi.DispositionDocument;

namespace Platform.Clients.Tests.Outcomes;

public sealed class DispositionRulesTests
{
    [Fact]
    public void The_default_catalogue_reads_back_as_itself()
    {
        var documents = Disposition.Defaults.Select(d => new Document(d.Code, d.Label, SnakeCase.Of(d.Category), SnakeCase.Of(d.Move), d.RequiresNextContact)).ToArray();
        Assert.Equal(Disposition.Defaults, DispositionRules.Read(documents).Dispositions);
    }

    [Theory]
    [InlineData("Sale", "Sale", "sale", "sign_contract")]          // code not lower-case
    [InlineData("sale", "", "sale", "sign_contract")]              // no label
    [InlineData("sale", "Sale", "bargain", "sign_contract")]       // unknown category
    [InlineData("sale", "Sale", "sale", "cooldown_elapsed")]       // the platform's own move
    [InlineData("sale", "Sale", "sale", "do_not_call")]            // a sale that bars the buyer
    [InlineData("dnc", "Do not call", "do_not_call", "none")]      // a request that moves nothing
    [InlineData("no", "Not interested", "not_interested", "sign_contract")]
    [InlineData("busy", "Busy", "busy", "become_hot")]
    public void An_entry_that_cannot_work_is_refused(string code, string label, string category, string move) =>
        Assert.Contains("dispositions[0]", DispositionRules.Read([new Document(code, label, category, move, false)]).Errors.Keys);

    [Fact]
    public void Codes_are_unique_and_the_catalogue_is_not_empty()
    {
        var twice = new Document("sale", "Sale", "sale", "sign_contract", false);
        Assert.Contains("dispositions[1]", DispositionRules.Read([twice, twice]).Errors.Keys);
        Assert.Contains("dispositions", DispositionRules.Read([]).Errors.Keys);
    }
}
