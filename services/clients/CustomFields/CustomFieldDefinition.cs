namespace Platform.Clients.CustomFields;

/// <summary>One typed custom field of a project's contacts: its key in the card's <c>customFields</c>, label, type, whether required, and the choices of a <c>choice</c>.</summary>
public sealed record CustomFieldDefinition(string? Key, string? Label, string? Type, bool? Required, string[]? Choices);
