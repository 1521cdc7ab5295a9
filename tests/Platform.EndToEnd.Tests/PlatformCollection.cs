using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>One platform for the test classes of this collection; every test makes its own tenants.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformUnderTest>
{
    public const string Name = "platform";
}
