/**
 * Code requests submitted by offices and the coverage report over all agencies.
 *
 * <p>An office asks for a check-in code with a {@link dev.lawang.request.CodeRequest}: the requesting agency, the
 * site, the agencies the code should cover, the office position, staff users, expected guests per day, photos and a
 * contact address. {@link dev.lawang.request.CodeRequest#problems(dev.lawang.directory.Directory)} lists everything
 * missing or wrong as {@link dev.lawang.request.CodeRequest.Problem}s with stable keys a host can translate. A
 * {@link dev.lawang.request.RequestBook} records each request's lifecycle (submitted, approved, issued, or rejected
 * with a reason) as dated, attributed {@link dev.lawang.request.RequestEntry.Step}s, issues the code through an
 * {@code Issuer}, and stores its history as JSON lines. A {@link dev.lawang.request.CoverageReport} tells, for every
 * agency of the directory, whether a valid code covers it, whether its request is pending or was rejected, or whether
 * it has nothing and must screen visitors by hand. See {@code docs/requests.md}.
 *
 * <p>The types a report or an entry is made of are nested in it ({@code CoverageReport.AgencyRow},
 * {@code RequestEntry.State}), as the builder is nested in the value it builds.
 */
@NullMarked
package dev.lawang.request;

import org.jspecify.annotations.NullMarked;
