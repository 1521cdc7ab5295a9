namespace Platform.Clients.Privacy;

/// <summary>Whom a do-not-call request (or a suppression list) binds: the seller the person refused, or the whole call center.</summary>
public enum DoNotCallScope
{
    /// <summary>Every project of the project's client company (the default: the person refused that seller).</summary>
    ClientCompany,

    /// <summary>Every project of the call center.</summary>
    CallCenter,
}

public static class DoNotCallScopes
{
    public static string Choices => string.Join(", ", Enum.GetValues<DoNotCallScope>().Select(SnakeCase.Of));

    /// <summary>The company an entry binds, or null for the whole call center; a project without a client company has only the call center to bind.</summary>
    public static Guid? CompanyOf(DoNotCallScope scope, Guid? projectCompany) => scope == DoNotCallScope.ClientCompany ? projectCompany : null;
}
