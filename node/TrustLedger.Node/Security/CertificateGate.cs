using Microsoft.AspNetCore.Http;

namespace TrustLedger.Node.Security;

/// <summary>
/// Checks the connection's client certificate again on every call: the handshake checked it once, but governance
/// may revoke it (or its organisation) while the connection lives, and it may expire. A refused call ends with gRPC
/// UNAUTHENTICATED before any service sees it.
/// </summary>
public static class CertificateGate
{
    public static IApplicationBuilder UseCertificateGate(this IApplicationBuilder app, ICertificateOrganisations organisations) =>
        app.Use(async (context, next) =>
        {
            if (context.Connection.ClientCertificate is { } certificate && organisations.OrganisationOf(certificate) is not null)
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "16"; // UNAUTHENTICATED
            context.Response.Headers["grpc-message"] = "the client certificate is not (or no longer) bound to an organisation: expired, revoked, or its CA is not pinned";
        });
}
