/**
 * The web side of parcels: the only place where downloads and multipart forms meet the servlet API, and the
 * pages' shared handling of opening a parcel with the SecuPass. Other modules' controllers use it.
 */
@NamedInterface("web")
package org.tresor.parcel.web;

import org.springframework.modulith.NamedInterface;
