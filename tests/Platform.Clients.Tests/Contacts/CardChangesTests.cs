using Platform.Clients.Contacts;
using Xunit;

namespace Platform.Clients.Tests.Contacts;

public sealed class CardChangesTests
{
    private static readonly CardChanges.Card Before = new("person", "Eva", null, "+420777000001", "Europe/Prague", false, """{"segment":"gold","score":3}""");

    [Fact]
    public void An_edit_that_changes_nothing_records_nothing()
    {
        Assert.Empty(CardChanges.Between(Before, Before with { CustomFields = """{"score":3,"segment":"gold"}""" }));
    }

    [Fact]
    public void Each_changed_field_and_custom_field_is_one_change_from_to()
    {
        var after = Before with { Name = "Eva Malá", Company = "Malá s.r.o.", Vip = true, CustomFields = """{"segment":"silver","note":"x"}""" };

        Assert.Equal(
        [
            new("name", "Eva", "Eva Malá"), new("company", null, "Malá s.r.o."), new("vip", "false", "true"),
            new("customFields.note", null, "x"), new("customFields.score", "3", null), new("customFields.segment", "gold", "silver"),
        ], CardChanges.Between(Before, after));
    }
}
