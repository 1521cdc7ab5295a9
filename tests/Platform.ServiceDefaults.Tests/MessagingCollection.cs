using Xunit;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// One <see cref="MessagingHost"/> for every messaging test: a second host would bind a second queue to the same
/// exchanges and consume each test's messages too.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingHost>
{
    public const string Name = "messaging";
}
