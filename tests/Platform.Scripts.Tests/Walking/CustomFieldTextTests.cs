namespace Platform.Scripts.Tests.Walking;

public sealed class CustomFieldTextTests
{
    [Fact]
    public void Strings_numbers_booleans_and_lists_read_as_text_and_objects_and_nulls_as_nothing()
    {
        var texts = CustomFieldText.Of("""
            {"segment":"gold","since":2019,"score":4.50,"vip":true,"lapsed":false,"products":["internet","tv",3],"address":{"city":"Brno"},"note":null}
            """).ToDictionary(f => f.Field, f => f.Text);

        Assert.Equal("gold", texts["segment"]);
        Assert.Equal("2019", texts["since"]);
        Assert.Equal("4.50", texts["score"]);
        Assert.Equal(("true", "false"), (texts["vip"], texts["lapsed"]));
        Assert.Equal("internet, tv, 3", texts["products"]);
        Assert.False(texts.ContainsKey("address"));
        Assert.False(texts.ContainsKey("note"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public void Anything_but_an_object_has_no_fields(string? json) => Assert.Empty(CustomFieldText.Of(json));
}
