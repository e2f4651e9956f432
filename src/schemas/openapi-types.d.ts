// Generated from openapi.yaml by `npm run openapi` (openapi-typescript); do not edit. File parts are Blobs.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases this token may see */
        get: operations["listCases"];
        put?: never;
        /** Open a case */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case */
        get: operations["getCase"];
        put?: never;
        post?: never;
        /** Purge the case and everything of it */
        delete: operations["deleteCase"];
        options?: never;
        head?: never;
        /** Change title, review period, author access to the merged timeline, or status */
        patch: operations["updateCase"];
        trace?: never;
    };
    "/api/cases/{caseId}/chronologies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Submissions and their versions (authors see their own agency only) */
        get: operations["listChronologies"];
        put?: never;
        /** Upload an agency's chronology (multipart agency + file, or JSON); all-or-nothing */
        post: operations["uploadChronology"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merged timeline (anonymised by default) as JSON, CSV, XLSX, DOCX or PDF */
        get: operations["getTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge files without storing anything: multipart (agency, file) pairs and an optional people field */
        post: operations["mergeFiles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts and victim-seen counts per agency and month, gaps with no contact, first and last contact per agency */
        get: operations["getCasesCaseIdAnalysis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/chronologies/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two versions of one agency's chronology: added, removed and changed entries */
        get: operations["getCasesCaseIdChronologiesDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's map: people and protected terms */
        get: operations["getPeople"];
        /** Replace the map (people, and protected terms when given); initials are proposed where absent, collisions refused */
        put: operations["putPeople"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tokens this token may manage (no secrets) */
        get: operations["listTokens"];
        put?: never;
        /** Issue a token (the secret is shown once) */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's audit trail */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The role, case and agency of the presented token */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency chronology template (xlsx) */
        get: operations["getTemplateXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/template.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency chronology template (csv) */
        get: operations["getTemplateCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/redaction-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the anonymised timeline (no body), a draft text, or a .txt/.docx report for names and identifiers */
        post: operations["checkCaseRedaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/redaction-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a text against an optional pseudonym map; nothing is stored */
        post: operations["checkRedaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chair's decisions on findings */
        get: operations["getDecisions"];
        /** Replace the decisions: each text is "not-a-name" (an ordinary word) or "keep" (may be published); a sign-off no longer holds */
        put: operations["putDecisions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest sign-off, and whether it still holds (nothing uploaded or changed since) */
        get: operations["getSignOff"];
        put?: never;
        /** Sign off the anonymised timeline for publication: recorded only when the check passes (409 with the open findings otherwise) */
        post: operations["signOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        NewCaseInput: {
            title: string;
            reviewPeriod: {
                from: string;
                to: string;
            };
        };
        CaseChangeInput: {
            title?: string;
            reviewPeriod?: {
                from: string;
                to: string;
            };
            authorsSeeMergedTimeline?: boolean;
            /** @enum {string} */
            status?: "open" | "closed";
        };
        JsonChronologyInput: {
            agency: string;
            entries: {
                date: string;
                time?: string | null;
                source?: string | null;
                professional?: string | null;
                contact?: string | null;
                event: string;
                outcome?: string | null;
                seen?: (boolean | string) | null;
                comment?: string | null;
            }[];
        };
        NewTokenInput: {
            /** @enum {string} */
            role: "admin" | "chair" | "author" | "reader";
            caseId?: string | null;
            agency?: string | null;
            label: string;
            expiresAt?: string | null;
        };
        ErrorBody: {
            /** @description A stable code, e.g. not_found, rate_limited, invalid_chronology */
            error: string;
            /** @description What went wrong, for a person; never echoes names or cell text */
            message: string;
            requestId?: string;
        } & {
            [key: string]: unknown;
        };
        Case: {
            id: string;
            title: string;
            reviewPeriod: {
                from: string;
                to: string;
            };
            /** @enum {string} */
            status: "open" | "closed";
            authorsSeeMergedTimeline: boolean;
            createdAt: string;
            updatedAt: string;
        };
        CaseList: {
            cases: components["schemas"]["Case"][];
        };
        UploadWarning: {
            row: number;
            column?: string;
            code: string;
            message: string;
        };
        UploadResult: {
            dryRun: boolean;
            submission: {
                id: string | null;
                agency: string;
                version: number;
                entries: number;
            };
            report: {
                sheet: string;
                headerRow: number;
                mapping: {
                    [key: string]: string;
                };
                unrecognisedColumns: string[];
                warnings: components["schemas"]["UploadWarning"][];
                totalWarnings: number;
            };
        };
        RowError: {
            row: number;
            column: string;
            value: string;
            message: string;
        };
        RowErrors: {
            error: string;
            message: string;
            errors?: components["schemas"]["RowError"][];
            totalErrors?: number;
        } & {
            [key: string]: unknown;
        };
        Submission: {
            id: string;
            agency: string;
            version: number;
            current: boolean;
            entries: number;
            fileName: string | null;
            sha256: string;
            uploadedAt: string;
        };
        SubmissionList: {
            submissions: components["schemas"]["Submission"][];
        };
        TimelineEntry: {
            id: string;
            date: string;
            /** @enum {string} */
            datePrecision: "day" | "month" | "year";
            time: string | null;
            agency: string;
            source: string | null;
            professional: string | null;
            contact: string | null;
            event: string;
            outcome: string | null;
            seen: boolean | null;
            comment: string | null;
            extra: {
                [key: string]: string;
            };
            flags: ("outside-review-period" | "possible-duplicate" | "ambiguous-date")[];
            duplicateOf: string[];
            provenance: {
                submissionId: string;
                sheet: string;
                row: number;
            };
        };
        Timeline: {
            case: {
                id: string | null;
                title: string;
                reviewPeriod: {
                    from: string;
                    to: string;
                } | null;
            };
            /** @enum {string} */
            names: "initials" | "pseudonym" | "real";
            entries: components["schemas"]["TimelineEntry"][];
            report: {
                /** @description Unmapped people replaced, by initials: never their names */
                unmapped: {
                    initials: string;
                    entries: string[];
                }[];
                /** @description Forms several mapped people share, initialled as written */
                shared: {
                    initials: string;
                    entries: string[];
                }[];
                /** @description Real unmapped names: only with names=real (chair, admin) */
                unmappedNames?: string[];
                total: number;
            };
        };
        Analysis: {
            /** @description The days analysed: the review period, narrowed by from and to */
            period: {
                /** @description yyyy-mm-dd */
                from: string;
                /** @description yyyy-mm-dd */
                to: string;
            };
            gapDays: number;
            /** @description How entries dated to the month or year only are counted */
            counting: string;
            /** @description Every month of the period for every agency, zero months included */
            months: {
                /** @description yyyy-mm */
                month: string;
                agency: string;
                /** @description Entries dated in this month, to the day or to the month only */
                contacts: number;
                /** @description Of contacts, those where the victim was seen */
                seen: number;
                /** @description Of contacts, those dated to the month only */
                approximate: number;
            }[];
            /** @description Entries dated to the year only */
            years: {
                year: string;
                agency: string;
                contacts: number;
                seen: number;
            }[];
            gaps: {
                /** @description yyyy-mm-dd */
                from: string;
                /** @description yyyy-mm-dd */
                to: string;
                /** @description Days with no contact, both ends counted; always more than gapDays */
                days: number;
                /** @description Entries dated to the month or year only that may fall inside the gap */
                approximate: number;
            }[];
            agencies: {
                agency: string;
                first: string | null;
                last: string | null;
                contacts: number;
                seen: number;
                approximate: number;
                /** @description Entries outside the period, in no other count */
                outside: number;
            }[];
        };
        VersionDiff: {
            agency: string;
            /** @enum {string} */
            names: "initials" | "pseudonym" | "real";
            /** @description Null when `to` is the first version: every entry is then added */
            from: {
                version: number;
                submissionId: string;
                entries: number;
                uploadedAt: string;
            } | null;
            to: {
                version: number;
                submissionId: string;
                entries: number;
                uploadedAt: string;
            };
            summary: {
                added: number;
                removed: number;
                changed: number;
                unchanged: number;
            };
            added: components["schemas"]["TimelineEntry"][];
            removed: components["schemas"]["TimelineEntry"][];
            changed: {
                before: components["schemas"]["TimelineEntry"];
                after: components["schemas"]["TimelineEntry"];
                fields: ("date" | "time" | "agency" | "source" | "professional" | "contact" | "event" | "outcome" | "seen" | "comment" | "extra")[];
                /** @description Token-set similarity of event and outcome, 0..1 */
                similarity: number;
            }[];
        };
        Person: {
            name: string;
            aliases: string[];
            /** @enum {string} */
            role: "victim" | "perpetrator" | "child" | "family" | "friend" | "professional" | "other";
            initials: string;
            pseudonym: string | null;
            title: string | null;
        };
        ProtectedTerm: {
            text: string;
            aliases: string[];
            label: string;
        };
        PeopleMap: {
            people: components["schemas"]["Person"][];
            terms: components["schemas"]["ProtectedTerm"][];
        };
        Token: {
            id: string;
            /** @enum {string} */
            role: "admin" | "chair" | "author" | "reader";
            caseId: string | null;
            agency: string | null;
            label: string;
            createdAt: string;
            expiresAt: string | null;
            lastUsedAt: string | null;
        };
        CreatedToken: {
            id: string;
            /** @enum {string} */
            role: "admin" | "chair" | "author" | "reader";
            caseId: string | null;
            agency: string | null;
            label: string;
            createdAt: string;
            expiresAt: string | null;
            lastUsedAt: string | null;
            /** @description The secret; shown once, never again */
            token: string;
        };
        TokenList: {
            tokens: components["schemas"]["Token"][];
        };
        AuditEvent: {
            seq: number;
            at: string;
            actor: {
                tokenId: string | null;
                role: string | null;
            };
            action: string;
            outcome: string;
            detail: {
                [key: string]: unknown;
            };
        };
        AuditTrail: {
            events: components["schemas"]["AuditEvent"][];
            next: number | null;
        };
        Session: {
            tokenId: string;
            /** @enum {string} */
            role: "admin" | "chair" | "author" | "reader";
            caseId: string | null;
            agency: string | null;
            label: string;
        };
        Finding: {
            /** @enum {string} */
            kind: "mapped-name" | "person" | "protected-term" | "organisation" | "phone" | "email" | "postcode" | "address" | "nhs-number" | "ni-number" | "vehicle" | "date-of-birth" | "reference";
            text: string;
            where: string;
            start: number;
            end: number;
            confidence: number;
            suggestion: string;
            decision: ("not-a-name" | "keep") | null;
        };
        RedactionResult: {
            /** @enum {string} */
            verdict: "pass" | "review" | "fail";
            findings: components["schemas"]["Finding"][];
            checked: {
                /** @enum {string} */
                source: "timeline" | "text" | "file";
                segments: number;
            };
        };
        Decision: {
            text: string;
            /** @enum {string} */
            decision: "not-a-name" | "keep";
            note: string | null;
            decidedAt: string;
        };
        DecisionList: {
            decisions: components["schemas"]["Decision"][];
        };
        SignOff: {
            id: string;
            at: string;
            by: string | null;
            /** @constant */
            verdict: "pass";
            entries: number;
            sha256: string;
        };
        SignOffStatus: {
            signOff: components["schemas"]["SignOff"] | null;
            holds: boolean;
        };
        NotClean: {
            /** @constant */
            error: "not_clean";
            message: string;
            /** @enum {string} */
            verdict: "pass" | "review" | "fail";
            findings: components["schemas"]["Finding"][];
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description The request is malformed: the message names the field and why (error invalid_request, invalid_json or bad_request) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No token, or not a valid one (error unauthorised) */
        Unauthorised: {
            headers: {
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The token may not do this (error forbidden) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such case, or not one this token can see (error not_found) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Over a size limit (error too_large, with limit) */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description A body or file of a kind not accepted (error unsupported_media_type or unsupported_format) */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Too many requests or failed sign-ins from this address (error rate_limited) */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The database is not answering; nothing was stored, try again (error database_unavailable) */
        DatabaseUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The store is full; nothing was stored (error storage_full) */
        StorageFull: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Requests allowed per minute from this address on /api */
        RateLimitLimit: number;
        /** @description Requests left in the current minute */
        RateLimitRemaining: number;
        /** @description Seconds until the count starts again */
        RateLimitReset: number;
        /** @description Seconds to wait before trying again */
        RetryAfter: number;
        /** @description attachment; filename="…" — the file is a download */
        ContentDisposition: string;
        /** @description Bearer */
        WwwAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "unavailable";
                    };
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            401: components["responses"]["Unauthorised"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCaseInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    deleteCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    updateCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseChangeInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    listChronologies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    uploadChronology: {
        parameters: {
            query?: {
                dryRun?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        /** @description JSON upload; or multipart/form-data with a field "agency" and a part "file" */
        requestBody: {
            content: {
                "application/json": components["schemas"]["JsonChronologyInput"] | null;
                "multipart/form-data": {
                    agency: string;
                    /** Format: binary */
                    file: Blob;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResult"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowErrors"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    getTimeline: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx" | "docx" | "pdf";
                names?: "initials" | "pseudonym" | "real";
                from?: string;
                to?: string;
                agency?: string | string[];
                person?: string;
                q?: string;
                seen?: "true" | "false";
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merged timeline in the format asked for: JSON, or a file */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "application/pdf": Blob;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    mergeFiles: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx" | "docx" | "pdf";
                names?: "initials" | "pseudonym" | "real";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    agency: string[];
                    file: Blob[];
                    /** @description A JSON array: [{ name, aliases?, role, initials?, pseudonym? }] */
                    people?: string;
                };
            };
        };
        responses: {
            /** @description The merged timeline in the format asked for: JSON, or a file */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "application/pdf": Blob;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    getCasesCaseIdAnalysis: {
        parameters: {
            query?: {
                /** @description A gap is reported when it is longer than this many days */
                gapDays?: number;
                /** @description Narrow the review period: from the start of this day, month or year */
                from?: string;
                /** @description Narrow the review period: to the end of this day, month or year */
                to?: string;
                /** @description Only these agencies (repeatable); gaps are then gaps in their contacts */
                agency?: string | string[];
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Analysis"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getCasesCaseIdChronologiesDiff: {
        parameters: {
            query?: {
                /** @description The agency; an author's own when omitted */
                agency?: string;
                /** @description The earlier version (default: the one before `to`) */
                from?: number;
                /** @description The later version (default: the latest) */
                to?: number;
                /** @description Default: anonymised (initials) where the token may see it, else the real names it may see */
                names?: "initials" | "pseudonym" | "real";
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDiff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getPeople: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeopleMap"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    putPeople: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    people: {
                        name: string;
                        aliases?: string[];
                        /** @enum {string} */
                        role: "victim" | "perpetrator" | "child" | "family" | "friend" | "professional" | "other";
                        initials?: string;
                        pseudonym?: string;
                        title?: string;
                    }[];
                    terms?: {
                        text: string;
                        aliases?: string[];
                        label: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeopleMap"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenList"];
                };
            };
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewTokenInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    getAudit: {
        parameters: {
            query?: {
                action?: string;
                /** @description Return events after this sequence number (paging) */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditTrail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthorised"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getTemplateXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template workbook */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                };
            };
            401: components["responses"]["Unauthorised"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    getTemplateCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template as CSV (UTF-8) */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob;
                };
            };
            401: components["responses"]["Unauthorised"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    checkCaseRedaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        /** @description Empty: check the anonymised timeline. { text }: check a draft. Or multipart with a .txt/.docx part "file". */
        requestBody?: {
            content: {
                "application/json": {
                    text: string;
                } | null;
                "multipart/form-data": {
                    /** Format: binary */
                    file: Blob;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedactionResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    checkRedaction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                    people?: {
                        name: string;
                        aliases?: string[];
                        /** @enum {string} */
                        role: "victim" | "perpetrator" | "child" | "family" | "friend" | "professional" | "other";
                        initials?: string;
                        pseudonym?: string;
                        title?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedactionResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Entity */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    getDecisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    putDecisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    decisions: {
                        text: string;
                        /** @enum {string} */
                        decision: "not-a-name" | "keep";
                        note?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
    getSignOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignOffStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
        };
    };
    signOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignOff"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorised"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotClean"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["DatabaseUnavailable"];
            507: components["responses"]["StorageFull"];
        };
    };
}
