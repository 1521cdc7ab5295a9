using System.Text.Json;
using Platform.Clients.CustomFields;
using Xunit;

namespace Platform.Clients.Tests.CustomFields;

public sealed class CustomFieldRulesTests
{
    private static readonly CustomFieldDefinition[] Fields = CustomFieldRules.Check([
        new("tier", "Tier", "choice", true, ["Gold", "Silver"]),
        new("seats", "Seats", "number", false, null),
        new("renewal", "Renewal", "date", false, null),
        new("note", null, "text", false, null),
    ]).Fields!;

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public void Values_are_stored_by_type_and_undefined_keys_kept()
    {
        var (values, errors) = CustomFieldRules.Apply(Fields, Json(new { tier = "gold", seats = "12,5", renewal = "2027-01-31", note = "hi", extra = "kept" }));

        Assert.Empty(errors);
        var card = values!.Value;
        Assert.Equal("Gold", card.GetProperty("tier").GetString());
        Assert.Equal(JsonValueKind.Number, card.GetProperty("seats").ValueKind);
        Assert.Equal(12.5m, card.GetProperty("seats").GetDecimal());
        Assert.Equal("2027-01-31", card.GetProperty("renewal").GetString());
        Assert.Equal("kept", card.GetProperty("extra").GetString());
    }

    [Fact]
    public void Every_wrong_value_is_named_by_its_field()
    {
        var (values, errors) = CustomFieldRules.Apply(Fields, Json(new { tier = "bronze", seats = "many", renewal = "31.1.2027" }));

        Assert.Null(values);
        Assert.Equal(["customFields.renewal", "customFields.seats", "customFields.tier"], errors.Keys.Order().ToArray());
        Assert.Contains("Gold, Silver", errors["customFields.tier"][0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_required_field_left_out_or_empty_is_refused(string? tier)
    {
        var (_, errors) = CustomFieldRules.Apply(Fields, tier is null ? null : Json(new { tier }));

        Assert.Equal(["'Tier' is required."], errors["customFields.tier"]);
    }

    [Fact]
    public void An_optional_empty_field_is_left_out()
    {
        var (values, errors) = CustomFieldRules.Apply(Fields, Json(new { tier = "Silver", seats = "" }));

        Assert.Empty(errors);
        Assert.False(values!.Value.TryGetProperty("seats", out _));
    }

    [Fact]
    public void Without_definitions_custom_fields_stay_free()
    {
        var given = Json(new { anything = new[] { 1, 2 } });

        Assert.Equal(given.GetRawText(), CustomFieldRules.Apply([], given).Values!.Value.GetRawText());
    }

    [Fact]
    public void Unsound_definitions_are_refused_by_position()
    {
        var (fields, errors) = CustomFieldRules.Check([
            new("tier", null, "choice", false, []),
            new("tier", null, "text", false, null),
            new("1st", null, "colour", false, null),
            new("size", null, "number", false, ["S"]),
            null,
        ]);

        Assert.Null(fields);
        Assert.Equal(["[0]", "[1]", "[2]", "[3]", "[4]"], errors.Keys.Order().ToArray());
        Assert.Contains(errors["[2]"], e => e.StartsWith("type:"));
    }

    [Fact]
    public void A_search_value_takes_the_fields_type()
    {
        Assert.Equal(JsonValueKind.Number, CustomFieldRules.SearchValue(Fields, "seats", "3")!.GetValueKind());
        Assert.Null(CustomFieldRules.SearchValue(Fields, "seats", "three"));
        Assert.Equal("Gold", CustomFieldRules.SearchValue(Fields, "tier", "GOLD")!.GetValue<string>());
        Assert.Equal("free", CustomFieldRules.SearchValue(Fields, "undefined", "free")!.GetValue<string>());
    }
}
