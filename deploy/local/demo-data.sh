#!/usr/bin/env bash
# Loads the local platform's demo book through the public APIs (so every deal is audited, versioned and
# confirmed under four eyes like any other): products with their real API gravities and densities, a few
# counterparties, a few dozen physical contracts over the coming months, four cargoes delivered in 2020 for
# settlement, some paper, position limits.
# For the local run only; start.sh runs it once, on the first start.
#
#   deploy/local/demo-data.sh [TRADING_URL]
set -u
TRADING=${1:-http://localhost:8081}
today=$(date -u +%F)

# One token per user for the whole load, with the role each write needs (docs/access-control.md). Two traders:
# a deal is confirmed by someone other than the one who captured it.
token() { "$(dirname "$0")/token.sh" "$@"; }
admin=$(token admin demo-admin) && trader=$(token trader demo-trader) && approver=$(token trader demo-approver) \
  && ops=$(token operations demo-ops) && risk=$(token risk-manager demo-risk) || exit 1

post() {  # token path json
  curl -s -f -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $1" -d "$3" "$TRADING$2"
}
day() { date -u -d "$today + $1 days" +%F; }

# Products: crude by API gravity, products by density at 15 °C.
post "$admin" /api/products '{"code":"BRENT","name":"Brent Blend","kind":"CRUDE","apiGravity":38.3,"defaultUnit":"BBL"}' >/dev/null
post "$admin" /api/products '{"code":"WTI","name":"West Texas Intermediate","kind":"CRUDE","apiGravity":39.6,"defaultUnit":"BBL"}' >/dev/null
post "$admin" /api/products '{"code":"DUBAI","name":"Dubai","kind":"CRUDE","apiGravity":31.0,"defaultUnit":"BBL"}' >/dev/null
post "$admin" /api/products '{"code":"GASOIL","name":"Gasoil 0.1%","kind":"REFINED_PRODUCT","densityKgPerM3":845,"defaultUnit":"MT"}' >/dev/null
post "$admin" /api/products '{"code":"FO380","name":"Fuel oil 380 CST","kind":"REFINED_PRODUCT","densityKgPerM3":991,"defaultUnit":"MT"}' >/dev/null

for cp in 'NORDOIL|Nordic Oil Trading AS|NO|150000000|A' 'GULFSTAR|Gulfstar Energy FZE|AE|200000000|A-' \
          'ATLREF|Atlantic Refining Ltd|GB|120000000|BBB+' 'TEXMAR|Texas Marine Supply LLC|US|80000000|BBB' \
          'SINGPET|Singapore Petroleum Pte|SG|100000000|A'; do
  IFS='|' read -r code name country limit rating <<<"$cp"
  post "$admin" /api/counterparties "{\"code\":\"$code\",\"name\":\"$name\",\"country\":\"$country\",\"creditLimitUsd\":$limit,\"rating\":\"$rating\"}" >/dev/null
done

# Thirty-six physical cargoes over the next six months: crude in barrels, products in tonnes.
products=(BRENT WTI DUBAI GASOIL FO380 BRENT)
units=(BBL BBL BBL MT MT BBL)
sizes=(600000 500000 700000 30000 40000 950000)
counterparties=(NORDOIL GULFSTAR ATLREF TEXMAR SINGPET NORDOIL)
benchmarks=(BRENT WTI BRENT GASOIL FO380 BRENT)
n=0
for i in $(seq 0 35); do
  p=$((i % 6)); start=$((2 + i * 5)); direction=$([ $((i % 3)) = 0 ] && echo SELL || echo BUY)
  if [ $((i % 2)) = 0 ]; then
    pricing='{"type":"FIXED","fixedPrice":'$((70 + i % 9))'.25,"priceUnit":"USD_PER_BBL"}'
  else
    pricing='{"type":"FORMULA","benchmark":"'${benchmarks[$p]}'","windowRule":"QUOTES_AROUND_BL","windowQuotes":5,"missingQuoteRule":"TWO_BEFORE_THREE_AFTER","premium":-0.'$((i % 9))'5,"premiumUnit":"USD_PER_BBL"}'
  fi
  id=$(post "$trader" /api/contracts "{\"direction\":\"$direction\",\"product\":\"${products[$p]}\",
    \"counterparty\":\"${counterparties[$p]}\",\"quantity\":${sizes[$p]},\"quantityUnit\":\"${units[$p]}\",
    \"tolerancePercent\":5,\"toleranceOption\":\"BUYER\",\"incoterm\":\"FOB\",\"loadPort\":\"Sullom Voe\",
    \"dischargePort\":\"Rotterdam\",\"laycanStart\":\"$(day $start)\",\"laycanEnd\":\"$(day $((start + 2)))\",
    \"pricing\":$pricing,\"paymentTerms\":{\"event\":\"BL\",\"days\":30,\"dayType\":\"CALENDAR\"},
    \"trader\":\"demo-trader\",\"book\":\"DEMO\"}" | jq -r .id) || continue
  post "$trader" "/api/contracts/$id/submit" '' >/dev/null
  [ $((i % 7)) = 6 ] && continue   # a few stay pending approval
  post "$approver" "/api/contracts/$id/confirm" '' >/dev/null && n=$((n + 1))
done

# Cargoes loaded in March-April 2020, the days the replay feed plays: settlement (every minute locally) issues
# provisional invoices while their windows are being played and final ones once the feed has passed them.
delivered=0
for cargo in 'BRENT|BBL|600000|594000|2020-03-09|"windowRule":"QUOTES_AROUND_BL","windowQuotes":5,"missingQuoteRule":"NEXT_QUOTE_DAY"' \
             'WTI|BBL|500000|507500|2020-03-16|"windowRule":"QUOTES_AFTER_BL","windowQuotes":5' \
             'BRENT|BBL|950000|951200|2020-04-14|"windowRule":"CALENDAR_MONTH_OF_BL"' \
             'GASOIL|MT|30000|29650|2020-03-20|FIXED'; do
  IFS='|' read -r product unit quantity blq bl window <<<"$cargo"
  if [ "$window" = FIXED ]; then
    pricing='{"type":"FIXED","fixedPrice":412.50,"priceUnit":"USD_PER_MT"}'
  else
    pricing='{"type":"FORMULA","benchmark":"'$product'",'$window',"premium":0.35,"premiumUnit":"USD_PER_BBL"}'
  fi
  laycan_end=$(date -u -d "$bl + 2 days" +%F)
  id=$(post "$trader" /api/contracts "{\"direction\":\"SELL\",\"product\":\"$product\",\"counterparty\":\"ATLREF\",
    \"quantity\":$quantity,\"quantityUnit\":\"$unit\",\"tolerancePercent\":2,\"toleranceOption\":\"SELLER\",\"incoterm\":\"FOB\",
    \"laycanStart\":\"$bl\",\"laycanEnd\":\"$laycan_end\",\"pricing\":$pricing,
    \"paymentTerms\":{\"event\":\"BL\",\"days\":30,\"dayType\":\"CALENDAR\"},\"trader\":\"demo-trader\",\"book\":\"DEMO\"}" | jq -r .id) || continue
  post "$trader" "/api/contracts/$id/submit" '' >/dev/null && post "$approver" "/api/contracts/$id/confirm" '' >/dev/null \
    && post "$ops" "/api/contracts/$id/deliver" "{\"blDate\":\"$bl\",\"blQuantity\":$blq}" >/dev/null \
    && delivered=$((delivered + 1))
done

# Paper hedges: Brent futures and a gasoil swap.
month() { date -u -d "$today + $1 months" +%Y-%m; }
for m in 1 2 3; do
  id=$(post "$trader" /api/paper-trades "{\"kind\":\"FUTURE\",\"direction\":\"SELL\",\"product\":\"BRENT\",\"exchange\":\"ICE\",
    \"contractMonth\":\"$(month $m)\",\"lots\":300,\"lotSizeBbl\":1000,\"price\":78.40,\"trader\":\"demo-trader\",\"book\":\"HEDGE\"}" | jq -r .id)
  post "$trader" "/api/paper-trades/$id/submit" '' >/dev/null && post "$approver" "/api/paper-trades/$id/confirm" '' >/dev/null
done
id=$(post "$trader" /api/paper-trades "{\"kind\":\"SWAP\",\"direction\":\"SELL\",\"product\":\"GASOIL\",\"counterparty\":\"ATLREF\",
  \"benchmark\":\"GASOIL\",\"periodStart\":\"$(month 1)\",\"periodEnd\":\"$(month 3)\",\"quantityPerPeriodBbl\":50000,
  \"price\":96.50,\"trader\":\"demo-trader\",\"book\":\"HEDGE\"}" | jq -r .id)
post "$trader" "/api/paper-trades/$id/submit" '' >/dev/null && post "$approver" "/api/paper-trades/$id/confirm" '' >/dev/null

for limit in 'BRENT 3000000' 'WTI 4000000' 'DUBAI 5000000' 'GASOIL 1500000' 'FO380 1500000'; do
  read -r product bbl <<<"$limit"
  curl -s -f -X PUT -H 'Content-Type: application/json' -H "Authorization: Bearer $risk" -d "{\"maxNetBbl\":$bbl}" \
    "$TRADING/api/positions/limits/$product" >/dev/null
done
echo "Demo book loaded: $n confirmed contracts, $delivered delivered cargoes, 4 paper trades, 5 position limits"
