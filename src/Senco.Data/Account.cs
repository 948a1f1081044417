namespace Senco.Data;

/// <summary>
/// One signed-in browser (ASVS 3.3.4). The row's id travels inside the Data-Protection-encrypted sign-in cookie; every
/// request checks that the row still exists, so ending a session here (from "Your account", a password change, an
/// administrator's reset) signs that browser out at once on every app instance sharing the database.
/// </summary>
public class UserSession
{
    /// Random, 128 bits from a CSPRNG, base64url. Never shown in full.
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public DateTime SignedInAt { get; set; }
    /// Updated at most once a minute, so a busy page does not write on every request.
    public DateTime LastSeenAt { get; set; }
    /// The address the browser was last seen from (after the reverse proxy's X-Forwarded-For, when trusted).
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    /// How the person signed in: "password", "password and two-factor code", "Microsoft"...
    public string Method { get; set; } = "";
}

/// <summary>
/// An email waiting to be sent (a transactional outbox): written in the same save as the change it reports, sent by
/// a background sender that claims each row before sending, so a slow or unreachable mail server never holds up or
/// undoes the change, and two app instances never send the same message twice.
/// </summary>
public class OutgoingEmail
{
    public long Id { get; set; }
    public Guid? UserId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// What caused it, e.g. "auth.password.changed" (matches the audit action).
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// An instance is sending it until this time; after it, another may try.
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    /// Set when the sender gave up after repeated failures.
    public DateTime? FailedAt { get; set; }
    public string? LastError { get; set; }
}
