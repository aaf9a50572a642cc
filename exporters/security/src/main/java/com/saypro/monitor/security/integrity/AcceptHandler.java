package com.saypro.monitor.security.integrity;

import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.http.Responses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /file-integrity/accept} with {@code Authorization: Bearer TOKEN}: the watched files as they are now
 * become the baseline. The token is compared in constant time (SHA-256 of both, {@link MessageDigest#isEqual});
 * without a configured token every request is refused with 403.
 */
public final class AcceptHandler extends Handler.Abstract {

    public static final String PATH = "/file-integrity/accept";
    private static final Logger LOG = LoggerFactory.getLogger(AcceptHandler.class);

    private final IntegrityChecker checker;
    private final Optional<byte[]> expected;

    public AcceptHandler(IntegrityChecker checker, Optional<Secret> token) {
        this.checker = checker;
        this.expected = token.map(t -> sha256(t.reveal()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            return Responses.methodNotAllowed(response, callback, "POST");
        }
        if (expected.isEmpty()) {
            return Responses.text(response, callback, 403,
                    "accepting changes is not configured (set file_integrity.accept_token_file)\n");
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : "";
        if (!MessageDigest.isEqual(sha256(given), expected.get())) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            return Responses.text(response, callback, 401, "a valid bearer token is required\n");
        }
        long accepted;
        try {
            accepted = checker.accept();
        } catch (java.io.IOException e) {
            LOG.warn("file integrity baseline not written: {}", e.getClass().getSimpleName());
            return Responses.text(response, callback, 500, "the baseline could not be written\n");
        }
        LOG.info("file integrity: {} change(s) accepted as the new baseline", accepted);
        return Responses.text(response, callback, 200, "accepted " + accepted + " change(s)\n");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
