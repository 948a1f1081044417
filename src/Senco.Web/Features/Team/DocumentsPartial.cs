using Senco.Core.Model;

namespace Senco.Web.Features.Team;

public sealed record DocumentsPartial(string Heading, IReadOnlyList<TeamDocument> Documents, bool CanUpload, int MaxMegabytes);
