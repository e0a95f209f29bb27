# Independent E2SFCA (Luo & Qi 2009) over county centroids, written from
# the method's definition in base R, to check needsmap's Go code.
#
#   Rscript e2sfca.R counties.csv resources.csv out.csv
#
# counties.csv:  fips, lat, lon, population, region
# resources.csv: id, counties (";"-separated FIPS), capacity (blank = 1),
#                remote (1 = statewide or telehealth-only: left out)
# out.csv:       kind (county|region), id, access_per_100k
#
# Rules, as needsmap documents them: great-circle distance (haversine,
# R = 6371.0088 km) between centroids, 0 within a county; weights 1 up to
# 40 km, 0.68 up to 80, 0.22 up to 120, 0 beyond; S_j = capacity or 1,
# split equally across a resource's counties; regions are the
# population-weighted mean of their counties' access.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: Rscript e2sfca.R counties.csv resources.csv out.csv")
counties <- read.csv(args[1], colClasses = c(fips = "character", region = "character"))
resources <- read.csv(args[2], colClasses = c(counties = "character"), na.strings = "")

radius <- 6371.0088
rad <- pi / 180
lat <- counties$lat * rad
lon <- counties$lon * rad
n <- nrow(counties)
dlat <- outer(lat, lat, "-")
dlon <- outer(lon, lon, "-")
h <- sin(dlat / 2)^2 + outer(cos(lat), cos(lat)) * sin(dlon / 2)^2
d <- h
d[] <- 2 * radius * asin(pmin(1, sqrt(h)))
diag(d) <- 0

w <- ifelse(d <= 40, 1, ifelse(d <= 80, 0.68, ifelse(d <= 120, 0.22, 0)))

supply <- numeric(n)
for (i in seq_len(nrow(resources))) {
  if (resources$remote[i] == 1) next
  sites <- strsplit(resources$counties[i], ";", fixed = TRUE)[[1]]
  s <- if (is.na(resources$capacity[i])) 1 else resources$capacity[i]
  idx <- match(sites, counties$fips)
  if (anyNA(idx)) stop(sprintf("resource %s: unknown county", resources$id[i]))
  supply[idx] <- supply[idx] + s / length(sites)
}

pop <- counties$population
demand <- as.vector(t(w) %*% pop)          # demand[j] = sum_k P_k W(d_kj)
ratio <- ifelse(supply > 0 & demand > 0, supply / demand, 0)
access <- as.vector(w %*% ratio)            # A_i = sum_j R_j W(d_ij)

regions <- sort(unique(counties$region))
region_access <- sapply(regions, function(r) {
  k <- counties$region == r
  sum(pop[k] * access[k]) / sum(pop[k])
})

out <- rbind(
  data.frame(kind = "county", id = counties$fips, access_per_100k = sprintf("%.15e", access * 1e5)),
  data.frame(kind = "region", id = regions, access_per_100k = sprintf("%.15e", region_access * 1e5))
)
write.csv(out, args[3], row.names = FALSE, quote = FALSE)
