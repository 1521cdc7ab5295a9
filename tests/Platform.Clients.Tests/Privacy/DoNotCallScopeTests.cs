using Platform.Clients.Privacy;
using Xunit;

namespace Platform.Clients.Tests.Privacy;

public sealed class DoNotCallScopeTests
{
    private static readonly Guid Acme = Guid.Parse("0190f2a1-0000-7000-8000-0000000000ac");

    [Fact]
    public void A_request_binds_the_projects_client_company_by_default_and_the_call_center_when_asked()
    {
        Assert.Equal(Acme, DoNotCallScopes.CompanyOf(DoNotCallScope.ClientCompany, Acme));
        Assert.Null(DoNotCallScopes.CompanyOf(DoNotCallScope.CallCenter, Acme));
    }

    [Fact]
    public void A_project_without_a_client_company_binds_the_whole_call_center()
    {
        Assert.Null(DoNotCallScopes.CompanyOf(DoNotCallScope.ClientCompany, null));
    }
}
